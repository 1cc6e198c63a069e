package cn.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two requests of one session, read before either is saved, both add the same attribute — what a
 * browser does when it loads two pages right after sign-in and each page makes its CSRF token. The
 * second save used to fail on the attribute's primary key (HTTP 500, seen under the ledger benchmark).
 */
@TaizhangTest
class ConcurrentSessionAttributeTest {

    @Autowired
    SessionTouches sessions;

    @Test
    void bothRequestsSaveAndTheLaterValueIsKept() {
        var created = sessions.createSession();
        sessions.save(created);
        String id = created.getId();

        var first = sessions.findById(id);
        var second = sessions.findById(id);
        first.setAttribute("csrf", "token-of-the-first-page");
        second.setAttribute("csrf", "token-of-the-second-page");
        sessions.save(first);
        sessions.save(second);

        assertThat((String) sessions.findById(id).getAttribute("csrf")).isEqualTo("token-of-the-second-page");
        sessions.deleteById(id);
    }
}
