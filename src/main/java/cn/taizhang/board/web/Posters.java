package cn.taizhang.board.web;

import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.EntryRow;
import cn.taizhang.shared.DomainException;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable posters of a published issue for the notice window (BOARD-4): A4 or A3 PDF in Chinese
 * with the issue's code, hash and the QR code of its verification link. The font is WenQuanYi
 * Micro Hei (Debian {@code fonts-wqy-microhei}); openhtmltopdf cannot use Noto CJK's OTF files.
 */
@Component
class Posters {

    enum Size { A4, A3 }

    private final ITemplateEngine templates;
    private final File font;

    private final Tenants tenants;

    Posters(ITemplateEngine templates, Tenants tenants,
            @Value("${taizhang.board.poster-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font) {
        this.templates = templates;
        this.tenants = tenants;
        this.font = new File(font);
    }

    /** The link the poster's QR code carries: the verification page with the issue's code and short hash. */
    static String verifyLink(BoardIssue issue) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/verify")
                .queryParam("code", issue.code()).queryParam("hash", new BoardFormat().shortHash(issue.contentHash()))
                .build().toUriString();
    }

    /** The poster as an inline PDF download named after the issue's code and the paper size. */
    ResponseEntity<byte[]> response(BoardIssue issue, List<EntryRow> entries, Size size, Locale locale) {
        String tenantName = tenants.find(issue.tenantId()).map(Tenant::name).orElse("");
        byte[] pdf = pdf(issue, entries, tenantName, verifyLink(issue), size, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(issue.code() + "-" + size.name() + ".pdf").build().toString())
                .body(pdf);
    }

    byte[] pdf(BoardIssue issue, List<EntryRow> entries, String tenantName, String verifyLink, Size size,
               Locale locale) {
        if (!issue.isPublished()) {
            throw new DomainException("board.poster.notPublished");
        }
        var ctx = new Context(locale);
        ctx.setVariable("issue", issue);
        ctx.setVariable("entries", entries.stream().filter(e -> !e.withdrawn()).toList());
        ctx.setVariable("tenantName", tenantName);
        ctx.setVariable("verifyLink", verifyLink);
        ctx.setVariable("size", size.name());
        ctx.setVariable("fmt", new BoardFormat());
        ctx.setVariable("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(verifyLink, 360)));
        String html = templates.process("board/poster", ctx);
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (font.canRead()) {
                builder.useFont(font, "WenQuanYi Micro Hei");
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
