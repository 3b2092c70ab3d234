package org.partnerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Partnerflow: an organisation's partnerships, from a proposed partner to the reviews that keep it honest. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnerflowApplication.class, args);
  }
}
