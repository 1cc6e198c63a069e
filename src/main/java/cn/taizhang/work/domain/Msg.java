package cn.taizhang.work.domain;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** A message argument that is itself translated (a state's or a document's name). */
public final class Msg {

    private Msg() {
    }

    public static MessageSourceResolvable of(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}
