package org.partnerflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rules of our layout that a compiler does not check. */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.partnerflow");

  @Test
  void servicesAndTheRegisterKnowNothingOfTheProcessEngine() {
    noClasses().that().areAnnotatedWith(Service.class).or().areAnnotatedWith(jakarta.persistence.Entity.class)
        .or().resideInAPackage("org.partnerflow.register..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("business logic is engine-free; delegates translate between the engine and services")
        .check(MAIN);
  }

  @Test
  void delegatesAreSpringBeansNamedByWhatTheyDo() {
    classes().that().implement(JavaDelegate.class).should().beAnnotatedWith(Component.class)
        .andShould().haveSimpleNameEndingWith("Delegate")
        .check(MAIN);
  }

  @Test
  void delegatesAreCalledOnlyByTheEngine() {
    noClasses().that().doNotImplement(JavaDelegate.class)
        .should().dependOnClassesThat().implement(JavaDelegate.class)
        .because("logic shared between steps belongs in a service, not in another step's delegate")
        .check(MAIN);
  }
}
