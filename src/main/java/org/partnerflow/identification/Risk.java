package org.partnerflow.identification;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A risk of working together, how likely and how harmful it is, and whether we can mitigate it. */
@Embeddable
public class Risk {

  private String description;
  @Enumerated(EnumType.STRING)
  private Level likelihood;
  @Enumerated(EnumType.STRING)
  private Level impact;
  private String mitigation;
  private boolean mitigable;

  protected Risk() {
  }

  public Risk(String description, Level likelihood, Level impact, String mitigation, boolean mitigable) {
    this.description = description;
    this.likelihood = likelihood;
    this.impact = impact;
    this.mitigation = mitigation;
    this.mitigable = mitigable;
  }

  /** Serious: at least one of likelihood and impact is high and neither is low. */
  public boolean isSerious() {
    return likelihood.weight * impact.weight >= 6;
  }

  public String getDescription() {
    return description;
  }

  public Level getLikelihood() {
    return likelihood;
  }

  public Level getImpact() {
    return impact;
  }

  public String getMitigation() {
    return mitigation;
  }

  public boolean isMitigable() {
    return mitigable;
  }

  /** Low, medium or high. */
  public enum Level {
    LOW(1), MEDIUM(2), HIGH(3);

    private final int weight;

    Level(int weight) {
      this.weight = weight;
    }
  }
}
