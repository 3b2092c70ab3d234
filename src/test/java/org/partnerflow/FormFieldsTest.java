package org.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.partnerflow.action.ActionVariables;
import org.partnerflow.collaboration.CollaborationVariables;
import org.partnerflow.information.InformationVariables;
import org.partnerflow.report.ReportVariables;
import org.partnerflow.review.ReviewVariables;
import org.partnerflow.agreement.AgreementVariables;
import org.partnerflow.identification.IdentificationVariables;
import org.partnerflow.system.ProcessVariable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every form field writes a variable that a variables class declares, so no form key is a typo. */
class FormFieldsTest {

  /** The variables classes; loading them registers their names. */
  private static final List<Class<?>> VARIABLES = List.of(IdentificationVariables.class, AgreementVariables.class,
      ActionVariables.class, CollaborationVariables.class, ReportVariables.class, InformationVariables.class,
      ReviewVariables.class);

  @Test
  void everyFormFieldKeyIsADeclaredProcessVariable() throws IOException {
    Set<String> declared = declaredNames();
    List<String> unknown = new ArrayList<>();
    try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        collectUnknown(new ObjectMapper().readTree(form.toFile()).path("components"), declared, form, unknown);
      }
    }
    assertThat(unknown).isEmpty();
  }

  /** In Tasklist 7.24's FEEL, is defined() is true for a missing variable: compare with null instead. */
  @Test
  void noConditionReliesOnIsDefined() throws IOException {
    try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
      assertThat(forms.filter(path -> path.toString().endsWith(".form")))
          .noneMatch(form -> {
            try {
              return Files.readString(form).contains("is defined(");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  @Test
  void theCheckFindsAnUndeclaredKey() throws IOException {
    List<String> unknown = new ArrayList<>();
    JsonNode components = new ObjectMapper().readTree("[{\"type\":\"textfield\",\"key\":\"organisationNmae\"}]");
    collectUnknown(components, declaredNames(), Path.of("sample.form"), unknown);
    assertThat(unknown).containsExactly("sample.form: organisationNmae");
  }

  private static Set<String> declaredNames() {
    VARIABLES.forEach(type -> {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    });
    return ProcessVariable.knownNames();
  }

  /** Keys of fields; a dynamic list's own fields are checked against the list's declared fields. */
  private static void collectUnknown(JsonNode components, Set<String> declared, Path form, List<String> unknown) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        String path = component.path("path").asText();
        if (!declared.contains(path)) {
          unknown.add(form + ": " + path);
        }
        for (JsonNode field : component.path("components")) {
          List<String> rowFields = "risks".equals(path) ? IdentificationVariables.RISK_FIELDS
              : AgreementVariables.ROW_FIELDS.getOrDefault(path, List.of());
          if (field.has("key") && !rowFields.contains(field.get("key").asText())) {
            unknown.add(form + ": " + path + "." + field.get("key").asText());
          }
        }
        continue;
      }
      if (component.has("key") && !declared.contains(component.get("key").asText())) {
        unknown.add(form + ": " + component.get("key").asText());
      }
      collectUnknown(component.path("components"), declared, form, unknown);
    }
  }
}
