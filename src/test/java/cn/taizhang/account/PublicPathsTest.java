package cn.taizhang.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.support.TaizhangTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Only reading under /public and /api/public (and the style sheets) goes without sign-in; nothing else
 * does. Reading them creates no session.
 */
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
    void readingPublicPagesNeverCreatesASession() throws Exception {
        for (String path : new String[] {"/public/demo-town", "/public/verify?code=NOSUCH", "/css/taizhang.css"}) {
            MvcResult result = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
            assertThat(result.getResponse().getHeaders("Set-Cookie")).as(path)
                    .noneMatch(c -> c.startsWith("SESSION="));
        }
    }

    /** The layout links Bootstrap by its version (no locator): the links must stay right when it is upgraded. */
    @Test
    void everyStyleSheetAndScriptTheLayoutLinksIsServed() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        List<String> links = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"").matcher(login)
                .results().map(m -> m.group(1)).toList();
        assertThat(links).anyMatch(l -> l.startsWith("/webjars/bootstrap/")).anyMatch(l -> l.startsWith("/css/"));
        for (String link : links) {
            mvc.perform(get(link)).andExpect(status().isOk());
        }
    }

    @Test
    void everythingElseStillAsksForSignIn() throws Exception {
        mvc.perform(get("/org")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/org/units")).andExpect(status().isUnauthorized());
    }
}
