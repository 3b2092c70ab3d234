package org.partnerflow.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A single-use link for a partner contact to set their own password. Keeps the token's hash only. */
@Entity
public class PartnerInvitation {

  @Id
  private String tokenHash;
  private String userId;
  private String email;
  private Instant createdAt;
  private Instant expiresAt;
  private Instant usedAt;

  protected PartnerInvitation() {
  }

  PartnerInvitation(String tokenHash, String userId, String email, Instant createdAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.email = email;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  void use(Instant now) {
    this.usedAt = now;
  }

  public String getUserId() {
    return userId;
  }

  public String getEmail() {
    return email;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
