package cn.taizhang.work.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.shared.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The type of a file comes from its bytes; photos are images under the limit; no file is ever required. */
class AttachmentPolicyTest {

    private final AttachmentPolicy policy = new AttachmentPolicy(DataSize.ofMegabytes(5), DataSize.ofMegabytes(10));

    private static byte[] zip(String entry) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("<x/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void theTypeIsReadFromTheBytes() throws Exception {
        assertThat(AttachmentPolicy.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo("image/jpeg");
        assertThat(AttachmentPolicy.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(AttachmentPolicy.sniff(zip("word/document.xml"))).endsWith("wordprocessingml.document");
        assertThat(AttachmentPolicy.sniff(zip("xl/workbook.xml"))).endsWith("spreadsheetml.sheet");
        assertThat(AttachmentPolicy.sniff(zip("payload.js"))).isNull();
        assertThat(AttachmentPolicy.sniff("台账说明\n第二行".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(AttachmentPolicy.sniff(new byte[] {'M', 'Z', 0x00, 0x03})).isNull();
    }

    @Test
    void emptyInputsAreSkippedAndAPhotoMustBeAnImage() {
        assertThat(policy.check(List.of(new Upload("", new byte[0])), true, "photos")).isEmpty();
        assertThat(policy.check(null, true, "photos")).isEmpty();
        assertThatThrownBy(() -> policy.check(List.of(new Upload("C:\\\\照片\\\\plan.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))), true, "photos"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("inspection.file.notImage");
                    assertThat(((DomainException) e).args()).containsExactly("plan.pdf");
                    assertThat(((DomainException) e).field()).isEqualTo("photos");
                });
    }

    @Test
    void sizesNeverReadAsEqualToTheLimitWhenOver() {
        assertThat(AttachmentPolicy.size(5L * 1024 * 1024)).isEqualTo("5 MB");
        assertThat(AttachmentPolicy.size(5L * 1024 * 1024 + 1)).isEqualTo("5.01 MB");
        assertThat(AttachmentPolicy.size(1500)).isEqualTo("2 KB");
    }
}
