package cn.taizhang.board.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public pages rendered once per version and language and then served from memory. A public page
 * is the same for every reader (no session, no sign-in), and residents read it far more often than
 * anything is published: rendering the template for each of them cost most of the server's time.
 * The version (which the caller computes from what the page shows) is also the page's ETag, so a
 * phone that has the page already gets a 304.
 */
@Component
class RenderedPages {

    private final ViewResolver views;
    /** One rendering per page and language: the latest version replaces the one before. */
    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();

    RenderedPages(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    private record Rendered(String etag, byte[] html) {
    }

    ResponseEntity<byte[]> page(String page, String version, String template, Model model, Locale locale,
                                HttpServletRequest request, HttpServletResponse response) throws Exception {
        String etag = etag(page + "\n" + locale.toLanguageTag() + "\n" + version);
        CacheControl revalidate = CacheControl.noCache().cachePublic();
        if (etag.equals(request.getHeader("If-None-Match"))) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(revalidate).build();
        }
        String key = page + "\n" + locale.toLanguageTag();
        Rendered rendered = pages.get(key);
        if (rendered == null || !rendered.etag().equals(etag)) {
            rendered = new Rendered(etag, render(template, model, locale, request, response));
            pages.put(key, rendered);
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(rendered.html());
    }

    private byte[] render(String template, Model model, Locale locale, HttpServletRequest request,
                          HttpServletResponse response) throws Exception {
        View view = views.resolveViewName(template, locale);
        if (view == null) {
            throw new IllegalStateException("no view " + template);
        }
        var buffer = new ContentCachingResponseWrapper(response);
        view.render(model.asMap(), request, buffer);
        return buffer.getContentAsByteArray();
    }

    private static String etag(String text) {
        var digest = new SM3Digest();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return "\"" + Hex.toHexString(out, 0, 16) + "\"";
    }
}
