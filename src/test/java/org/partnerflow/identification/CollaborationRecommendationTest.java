package org.partnerflow.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the decision table {@code collaborationRecommendation}, and its order. */
class CollaborationRecommendationTest {

  static DmnDecision decision;
  static DmnEngine dmn;

  @BeforeAll
  static void parseTheTableTheEngineDeploys() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream table = CollaborationRecommendationTest.class.getResourceAsStream(
        "/processes/collaboration-recommendation.dmn")) {
      decision = dmn.parseDecision("collaborationRecommendation", table);
    }
  }

  /** A sound evaluation; each case changes one or two figures. */
  static Map<String, Object> figures(Object... overrides) {
    Map<String, Object> values = new java.util.HashMap<>(Map.of("strategicFitScore", 4, "compatibilityScore", 4,
        "ourNetBenefit", 5000.0, "partnerNetBenefit", 3000.0, "seriousUnmitigatedRisks", 0,
        "otherUnmitigatedRisks", 0));
    for (int i = 0; i < overrides.length; i += 2) {
      values.put((String) overrides[i], overrides[i + 1]);
    }
    return values;
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("a serious risk nobody can mitigate", figures("seriousUnmitigatedRisks", 1),
            "doNotCollaborate", "serious risk"),
        Arguments.of("a serious risk outweighs even an excellent fit",
            figures("seriousUnmitigatedRisks", 2, "strategicFitScore", 5), "doNotCollaborate", "serious risk"),
        Arguments.of("poor strategic fit", figures("strategicFitScore", 2), "doNotCollaborate", "strategic objectives"),
        Arguments.of("incompatible organisations", figures("compatibilityScore", 1), "doNotCollaborate", "compatible"),
        Arguments.of("no net benefit for us", figures("ourNetBenefit", 0.0), "doNotCollaborate", "more, in money"),
        Arguments.of("a net loss for us", figures("ourNetBenefit", -100.0), "doNotCollaborate", "more, in money"),
        Arguments.of("no net benefit for the partner", figures("partnerNetBenefit", -1.0), "doNotCollaborate",
            "commitment"),
        Arguments.of("moderate strategic fit", figures("strategicFitScore", 3), "moreInformation", "Strategic fit"),
        Arguments.of("moderate compatibility", figures("compatibilityScore", 3), "moreInformation", "Compatibility"),
        Arguments.of("lesser risks without mitigation", figures("otherUnmitigatedRisks", 1), "moreInformation",
            "lesser risks"),
        Arguments.of("mutual benefit, compatible, risks mitigated", figures(), "collaborate", "Both organisations"),
        Arguments.of("the best case", figures("strategicFitScore", 5, "compatibilityScore", 5), "collaborate",
            "Both organisations"));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("rules")
  void recommendsAsTheRulesSay(String situation, Map<String, Object> inputs, String recommendation,
      String rationaleMentions) {
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision, inputs).getSingleResult();

    assertThat((String) result.get("recommendation")).isEqualTo(recommendation);
    assertThat((String) result.get("recommendationRationale")).contains(rationaleMentions);
  }
}
