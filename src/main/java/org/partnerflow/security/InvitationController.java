package org.partnerflow.security;

import jakarta.servlet.http.HttpServletResponse;

import org.partnerflow.system.InvalidInputException;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where a partner contact sets their own password from an invitation link. */
@Controller
@RequestMapping("/invitation")
class InvitationController {

  private final Invitations invitations;
  private final int minimumLength;

  InvitationController(Invitations invitations, PartnerflowProperties properties) {
    this.invitations = invitations;
    this.minimumLength = properties.invitation().minimumPasswordLength();
  }

  @GetMapping
  String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    keepTheTokenPrivate(response);
    return invitations.usable(token).map(invitation -> {
      model.addAttribute("token", token);
      model.addAttribute("userId", invitation.getUserId());
      model.addAttribute("minimumLength", minimumLength);
      return "invitation";
    }).orElseGet(() -> invalid(response));
  }

  @PostMapping
  String accept(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeated, Model model, HttpServletResponse response) {
    keepTheTokenPrivate(response);
    try {
      model.addAttribute("userId", invitations.accept(token, password, repeated));
      return "invitation-done";
    } catch (InvalidInputException e) {
      if ("token".equals(e.getField())) {
        return invalid(response);
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("token", token);
      model.addAttribute("userId", invitations.usable(token).map(PartnerInvitation::getUserId).orElse(""));
      model.addAttribute("minimumLength", minimumLength);
      model.addAttribute("error", e.getMessage());
      return "invitation";
    }
  }

  private static String invalid(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "invitation-invalid";
  }

  /** The token is in the address: no caching, and no Referer carrying it to another site. */
  private static void keepTheTokenPrivate(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
