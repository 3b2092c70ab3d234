package org.partnerflow.register;

import java.util.List;

import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read the partner register through the API: the groups in {@code partnerflow.register.reader-groups};
 * and, for the records about one partnership, the groups each record names plus the partner's own contacts.
 */
@Component
public class RegisterReaders {

  private final CurrentUser currentUser;
  private final PartnershipRepository partnerships;
  private final List<String> groups;

  RegisterReaders(CurrentUser currentUser, PartnershipRepository partnerships, PartnerflowProperties properties) {
    this.currentUser = currentUser;
    this.partnerships = partnerships;
    this.groups = properties.register().readerGroups();
  }

  /**
   * The partnership, for a member of one of the given groups or a contact of the partner itself;
   * anyone else gets the same 404 as for a partnership that does not exist, so nothing tells one
   * partner whether another's partnership exists.
   */
  public Partnership visiblePartnership(String reference, List<String> readerGroups) {
    Partnership partnership = partnerships.findByReference(reference).orElse(null);
    boolean reader = currentUser.isInAnyOf(readerGroups);
    boolean ownOrganisation = partnership != null
        && currentUser.groups().contains(partnership.getOrganisation().partnerGroupId());
    if (partnership == null || !(reader || ownOrganisation)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No partnership " + reference + " that you may see");
    }
    return partnership;
  }

  /** Refuses (403) anyone outside the reader groups. */
  public void check() {
    if (!currentUser.isInAnyOf(groups)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Reading the partner register needs one of the groups "
          + groups);
    }
  }
}
