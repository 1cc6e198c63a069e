package cn.taizhang.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Only reading under /public and /api/public goes without sign-in; nothing else does. */
@TaizhangTest
class PublicPathsTest {

    @Autowired MockMvc mvc;

    @Test
    void publicPathsNeedNoSignInButOnlyForReading() throws Exception {
        // no page is mapped yet for this path: a 404, not a redirect to the login page
        mvc.perform(get("/public/no-such-tenant/nothing")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/no-such-tenant/nothing")).andExpect(status().isNotFound());
        mvc.perform(post("/public/anything")).andExpect(status().isForbidden()); // no CSRF token, no sign-in
        mvc.perform(post("/api/public/anything")).andExpect(status().isUnauthorized());
    }

    @Test
    void everythingElseStillAsksForSignIn() throws Exception {
        mvc.perform(get("/org")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/org/units")).andExpect(status().isUnauthorized());
    }
}
