package cn.taizhang.board.web;

import cn.taizhang.board.internal.BoardVerifier;
import cn.taizhang.board.internal.PublicBoards;
import cn.taizhang.board.internal.PublicBoards.PublicIssue;
import cn.taizhang.board.internal.PublicBoards.PublicPage;
import cn.taizhang.board.internal.Verification;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public pages (no sign-in, BOARD-4, BOARD-5): a tenant's public boards, the verification of
 * an issue code, and the QR code of an issue's verification link. They show only what the tenant
 * published publicly: name, post and fact.
 */
@Controller
@RequestMapping("/public")
class PublicBoardPages {

    private final PublicBoards publicBoards;
    private final BoardVerifier verifier;
    private final RenderedPages rendered;
    private final PublicTownships townships;

    PublicBoardPages(PublicBoards publicBoards, BoardVerifier verifier, RenderedPages rendered,
                     PublicTownships townships) {
        this.townships = townships;
        this.publicBoards = publicBoards;
        this.verifier = verifier;
        this.rendered = rendered;
    }

    static Tenant activeTenant(Tenants tenants, String code) {
        return tenants.findByCode(code).filter(Tenant::active).orElseThrow(() -> new NotFoundException("tenant", code));
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String code, @RequestParam(required = false) String hash,
                  Model model) {
        model.addAttribute("fmt", new BoardFormat());
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            Verification v = verifier.verify(code, hash);
            model.addAttribute("v", v);
            if (v.showContent()) {
                model.addAttribute("entries", publicBoards.entries(v.issue()));
            }
        }
        return "board/verify";
    }

    /** The QR code of the issue's verification link, with the first 16 digits of its hash. */
    @GetMapping(path = "/qr", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@RequestParam String code) {
        Verification v = verifier.verify(code, null);
        if (v.issue() == null) {
            throw new NotFoundException("board_issue", v.code());
        }
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/verify")
                .queryParam("code", v.code()).queryParam("hash", new BoardFormat().shortHash(v.storedHash()))
                .build().toUriString();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(MediaType.IMAGE_PNG).body(QrCodes.png(link, 240));
    }

    @GetMapping("/{tenantCode}")
    ResponseEntity<byte[]> boards(@PathVariable String tenantCode, Model model, Locale locale,
                                  HttpServletRequest request, HttpServletResponse response) throws Exception {
        PublicTownships.Township township = townships.of(tenantCode);
        Tenant tenant = township.tenant();
        PublicPage page = publicBoards.page(tenant.id());
        List<OrgUnit> windows = township.villages();
        model.addAttribute("tenant", tenant);
        model.addAttribute("issues", page.issues());
        model.addAttribute("villages", windows);
        model.addAttribute("fmt", new BoardFormat());
        return rendered.page("/public/" + tenant.code(), tenant.name() + "\n" + names(windows) + "\n" + page.version(),
                "board/public", model, locale, request, response);
    }

    /**
     * A village's window (村级榜示窗): the lines of the township's public issues about the village,
     * its cadres and its people, each issue with its code and seal for verification.
     */
    @GetMapping("/{tenantCode}/villages/{villageCode}")
    ResponseEntity<byte[]> village(@PathVariable String tenantCode, @PathVariable String villageCode, Model model,
                                   Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        PublicTownships.Township township = townships.of(tenantCode);
        Tenant tenant = township.tenant();
        OrgUnit village = township.villages().stream().filter(v -> v.code().equals(villageCode))
                .findFirst().orElseThrow(() -> new NotFoundException("village", villageCode));
        PublicPage page = publicBoards.page(tenant.id());
        List<PublicIssue> issues = page.issues().stream()
                .map(pi -> new PublicIssue(pi.issue(), pi.entries().stream()
                        .filter(e -> Long.valueOf(village.id()).equals(e.villageUnitId())).toList()))
                .filter(pi -> !pi.entries().isEmpty()).toList();
        model.addAttribute("tenant", tenant);
        model.addAttribute("village", village);
        model.addAttribute("issues", issues);
        model.addAttribute("fmt", new BoardFormat());
        return rendered.page("/public/" + tenant.code() + "/villages/" + village.code(),
                tenant.name() + "\n" + village.name() + "\n" + page.version(), "board/village", model, locale,
                request, response);
    }

    private static String names(List<OrgUnit> units) {
        return units.stream().map(u -> u.code() + "=" + u.name()).collect(Collectors.joining(","));
    }
}
