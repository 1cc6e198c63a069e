package cn.taizhang.board.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How board pages write times (Beijing time), points, money and hashes. */
public final class BoardFormat {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(CHINA).format(MINUTE);
    }

    public String day(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(CHINA).format(DAY);
    }

    /** Signed points: +5, −2.5 (two decimals only where needed). */
    public String points(BigDecimal p) {
        if (p == null) {
            return "";
        }
        String plain = p.stripTrailingZeros().toPlainString();
        return p.signum() > 0 ? "+" + plain : plain;
    }

    public String yuan(Long fen) {
        return fen == null ? "" : new BigDecimal(fen).movePointLeft(2).setScale(2).toPlainString();
    }

    /** The first 16 hex digits: what the poster prints and the QR code carries. */
    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(16, hash.length()));
    }
}
