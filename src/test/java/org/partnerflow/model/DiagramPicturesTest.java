package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every diagram has a picture in docs/diagrams/ rendered from its current version: the picture
 * records the SHA-256 of the diagram it shows. After changing a diagram, run
 * {@code npm run render:diagrams}.
 */
class DiagramPicturesTest {

  private static final Pattern SOURCE = Pattern.compile("<!-- rendered from processes/(\\S+) sha256:([0-9a-f]{64}) -->");

  @Test
  void everyDiagramHasAPictureOfItsCurrentVersion() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        Path picture = Path.of("docs", "diagrams", diagram.getFileName().toString().replace(".bpmn", ".svg"));
        if (!Files.exists(picture)) {
          problems.add(diagram + " has no picture " + picture + ": run npm run render:diagrams");
          continue;
        }
        Matcher source = SOURCE.matcher(Files.readString(picture));
        if (!source.find() || !source.group(2).equals(sha256(Files.readAllBytes(diagram)))) {
          problems.add(picture + " is stale: " + diagram + " changed since; run npm run render:diagrams");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aChangedDiagramMakesItsPictureStale() throws IOException {
    String recorded = "<!-- rendered from processes/x.bpmn sha256:" + sha256("old".getBytes()) + " -->";
    Matcher source = SOURCE.matcher(recorded);
    assertThat(source.find()).isTrue();
    assertThat(source.group(2)).isNotEqualTo(sha256("new".getBytes()));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
