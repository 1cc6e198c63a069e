package cn.taizhang.work.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.domain.Attachment;
import cn.taizhang.work.domain.LedgerAttachments;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads of attachments (附件) on the pages. Only for whoever may see the item (otherwise 404);
 * always as an attachment with the sniffed type and {@code nosniff}, so a file never runs as a page.
 */
@Controller
class Downloads {

    private final LedgerAttachments attachments;

    Downloads(LedgerAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/work/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return response(attachments.download(CurrentUser.require(), id, attachmentId));
    }

    static ResponseEntity<byte[]> response(LedgerAttachments.StoredFile f) {
        Attachment a = f.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(f.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag(a.sha256())
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(f.content());
    }
}
