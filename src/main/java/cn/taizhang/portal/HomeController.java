package cn.taizhang.portal;

import cn.taizhang.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's home page: what that person works with first. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        return "portal/home";
    }
}
