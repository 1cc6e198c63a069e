package cn.taizhang.work.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import cn.taizhang.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What may be attached to a ledger line (附件) and what a photo (照片) is. The type is read from the
 * bytes, never taken from the browser: a photo must really be a PNG, JPEG or WebP image under
 * {@code taizhang.attachments.max-photo-size}; other files must be PDF, Word, Excel, PowerPoint, an
 * image or plain text under {@code taizhang.attachments.max-file-size}. Photos are optional evidence
 * everywhere (POLICY.md): nothing here ever asks for one.
 */
@Component
public class AttachmentPolicy {

    /** A file that passed: its clean name, sniffed type, bytes and digest. */
    public record Checked(String fileName, String contentType, byte[] bytes, String sha256) {
    }

    static final int MAX_FILES = 10;

    private final DataSize maxPhoto;
    private final DataSize maxFile;

    AttachmentPolicy(@Value("${taizhang.attachments.max-photo-size:5MB}") DataSize maxPhoto,
                     @Value("${taizhang.attachments.max-file-size:10MB}") DataSize maxFile) {
        this.maxPhoto = maxPhoto;
        this.maxFile = maxFile;
    }

    public DataSize maxPhoto() {
        return maxPhoto;
    }

    public DataSize maxFile() {
        return maxFile;
    }

    /**
     * Checks every file before anything is stored; the first refused one is named in the message at
     * {@code field}. Empty file inputs are skipped: no file is ever required.
     */
    public List<Checked> check(List<Upload> uploads, boolean photos, String field) {
        List<Checked> ok = new ArrayList<>();
        List<Upload> given = uploads == null ? List.of() : uploads.stream().filter(u -> !u.isEmptyInput()).toList();
        if (given.size() > MAX_FILES) {
            throw DomainException.atField(field, "inspection.file.tooMany", MAX_FILES);
        }
        for (Upload u : given) {
            String name = cleanName(u.fileName());
            byte[] bytes = u.bytes() == null ? new byte[0] : u.bytes();
            if (bytes.length == 0) {
                throw DomainException.atField(field, "inspection.file.empty", name);
            }
            String type = sniff(bytes);
            long limit = (photos ? maxPhoto : maxFile).toBytes();
            if (photos) {
                if (type == null || !type.startsWith("image/")) {
                    throw DomainException.atField(field, "inspection.file.notImage", name);
                }
                if (bytes.length > limit) {
                    throw DomainException.atField(field, "inspection.file.photoTooLarge", name, size(bytes.length),
                            size(limit));
                }
            } else {
                if (type == null) {
                    throw DomainException.atField(field, "inspection.file.typeRefused", name);
                }
                if (bytes.length > limit) {
                    throw DomainException.atField(field, "inspection.file.tooLarge", name, size(bytes.length),
                            size(limit));
                }
            }
            ok.add(new Checked(name, type, bytes, sha256(bytes)));
        }
        return ok;
    }

    /** The type the bytes are, or null when it is none of the accepted kinds. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            // Office Open XML: the part names stand uncompressed in the zip's directory
            if (contains(b, ascii("word/document.xml"))) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (contains(b, ascii("xl/workbook.xml"))) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            if (contains(b, ascii("ppt/presentation.xml"))) {
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            }
            return null;
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            // the old Office formats: an OLE container whose stream names are UTF-16
            if (contains(b, utf16("WordDocument"))) {
                return "application/msword";
            }
            if (contains(b, utf16("Workbook")) || contains(b, utf16("Book"))) {
                return "application/vnd.ms-excel";
            }
            if (contains(b, utf16("PowerPoint Document"))) {
                return "application/vnd.ms-powerpoint";
            }
            return null;
        }
        return isPlainText(b) ? "text/plain" : null;
    }

    private static boolean isPlainText(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static boolean contains(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The last part of the name, without control characters, at most 255 characters. */
    static String cleanName(String raw) {
        String n = raw == null ? "" : raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        if (n.isEmpty()) {
            n = "file";
        }
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    /**
     * A size as people read it, rounded up so that a file over the limit never reads as equal to it
     * (passed as text, so no thousands separators are added).
     */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 2, RoundingMode.CEILING)
                    .stripTrailingZeros();
            return (mb.scale() < 0 ? mb.setScale(0) : mb).toPlainString() + " MB";
        }
        return (bytes + 1023) / 1024 + " KB";
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
