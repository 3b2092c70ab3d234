package org.partnerflow.register;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An organisation we work with or consider working with. */
@Entity
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String name;
  private String website;
  @Enumerated(EnumType.STRING)
  private Sector sector;
  private String contactName;
  private String contactEmail;
  @Column(updatable = false)
  private Instant createdAt;

  protected Organisation() {
  }

  public Organisation(String name, String website, Sector sector, String contactName, String contactEmail,
      Instant createdAt) {
    this.name = name;
    this.website = website;
    this.sector = sector;
    this.contactName = contactName;
    this.contactEmail = contactEmail;
    this.createdAt = createdAt;
  }

  /** The Camunda group of this organisation's contacts: they see its tasks and nothing else. */
  public String partnerGroupId() {
    return "partner-" + id;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getWebsite() {
    return website;
  }

  public Sector getSector() {
    return sector;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The kinds of organisation the start form offers. */
  public enum Sector {
    PUBLIC, CHARITY, PRIVATE, EDUCATION, HEALTH, OTHER
  }
}
