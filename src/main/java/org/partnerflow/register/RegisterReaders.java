package org.partnerflow.register;

import java.util.List;

import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who may read the partner register through the API: the groups in {@code partnerflow.register.reader-groups}. */
@Component
public class RegisterReaders {

  private final CurrentUser currentUser;
  private final List<String> groups;

  RegisterReaders(CurrentUser currentUser, PartnerflowProperties properties) {
    this.currentUser = currentUser;
    this.groups = properties.register().readerGroups();
  }

  /** Refuses (403) anyone outside the reader groups. */
  public void check() {
    if (!currentUser.isInAnyOf(groups)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Reading the partner register needs one of the groups "
          + groups);
    }
  }
}
