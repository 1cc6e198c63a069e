package cn.taizhang.account;

import cn.taizhang.account.AccountForms.PasswordChange;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user's own password; after a reset, the only page the user can reach. */
@Controller
@RequestMapping(PasswordChangeGate.PASSWORD_PAGE)
class PasswordController {

    private final Accounts accounts;
    private final AccountRepository repository;
    private final MessageSource messages;

    PasswordController(Accounts accounts, AccountRepository repository, MessageSource messages) {
        this.accounts = accounts;
        this.repository = repository;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordForm", new PasswordChange());
        return page(model);
    }

    @PostMapping
    String change(@Valid @ModelAttribute("passwordForm") PasswordChange form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (!binding.hasFieldErrors("newPassword") && !binding.hasFieldErrors("repeatPassword")
                && !form.getNewPassword().equals(form.getRepeatPassword())) {
            binding.rejectValue("repeatPassword", "password.repeatMismatch");
        }
        if (binding.hasErrors()) {
            return page(model);
        }
        try {
            accounts.changeOwnPassword(CurrentUser.require(), form.getCurrentPassword(), form.getNewPassword());
        } catch (DomainException e) {
            AccountForms.reject(binding, e);
            return page(model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("password.flash.changed", null, locale));
        return "redirect:/";
    }

    private String page(Model model) {
        model.addAttribute("mustChange", repository.sessionState(CurrentUser.require().accountId(), CurrentUser.require().tenantId())
                .map(AccountRepository.SessionState::passwordMustChange).orElse(false));
        return "account/password";
    }
}
