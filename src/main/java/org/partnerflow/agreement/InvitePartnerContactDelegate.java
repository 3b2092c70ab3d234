package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.notification.ProcessMail;
import org.partnerflow.security.Invitations;
import org.partnerflow.security.PartnerAccounts;
import org.springframework.stereotype.Component;

/**
 * Asks the partner's contact to confirm the agreement. A contact without an account gets one in the
 * partner organisation's group and an invitation to set their own password (a link, never a
 * password); a contact who has one gets a request to confirm.
 */
@Component
class InvitePartnerContactDelegate implements JavaDelegate {

  private final PartnerAccounts accounts;
  private final Invitations invitations;
  private final ProcessMail mail;

  InvitePartnerContactDelegate(PartnerAccounts accounts, Invitations invitations, ProcessMail mail) {
    this.accounts = accounts;
    this.invitations = invitations;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String email = PARTNER_CONTACT_EMAIL.from(execution);
    String userId = accounts.ensure(email, ORGANISATION_NAME.from(execution), PARTNER_GROUP.from(execution));
    if (invitations.accepted(userId)) {
      mail.send(execution, "agreement-confirmation-requested", List.of(email), Map.of("userId", userId));
    } else {
      Invitations.Invitation invitation = invitations.invite(userId, email);
      mail.send(execution, "partner-invitation", List.of(email), Map.of("userId", userId,
          "invitationToken", invitation.token(), "invitationExpires", Date.from(invitation.expires())));
    }
  }
}
