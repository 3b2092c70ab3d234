package org.partnerflow.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A process variable with its name and type in one place, so delegates never cast raw values.
 * Values from Camunda Forms arrive loosely typed (numbers as Integer, Long or Double; lists as Json),
 * and the converters here take each of those shapes.
 *
 * @param <T> the Java type the variable is read as
 */
public final class ProcessVariable<T> {

  private static final Set<String> KNOWN = Collections.synchronizedSet(new LinkedHashSet<>());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Function<Object, T> converter;

  private ProcessVariable(String name, Function<Object, T> converter) {
    this.name = name;
    this.converter = converter;
    KNOWN.add(name);
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, value -> value == null ? null : value.toString());
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, value -> {
      BigDecimal number = toDecimal(name, value);
      if (number == null) {
        return null;
      }
      if (number.stripTrailingZeros().scale() > 0) {
        throw new InvalidInputException(name, "'" + value + "' is not a whole number.");
      }
      return number.intValue();
    });
  }

  /** A register id; the engine may hand it back as Integer or Long. */
  public static ProcessVariable<Long> id(String name) {
    return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).longValue());
  }

  public static ProcessVariable<BigDecimal> decimal(String name) {
    return new ProcessVariable<>(name, value -> toDecimal(name, value));
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, value -> value == null ? null
        : value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()));
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, value -> (Date) value);
  }

  /** A list of records, as a Camunda Forms dynamic list submits it (a Json variable). */
  public static ProcessVariable<List<Map<String, Object>>> list(String name) {
    return new ProcessVariable<>(name, value -> toList(name, value));
  }

  /** Every variable name declared anywhere, for the test that checks each form field is known. */
  public static Set<String> knownNames() {
    return Set.copyOf(KNOWN);
  }

  public String name() {
    return name;
  }

  public T from(VariableScope scope) {
    return converter.apply(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  private static BigDecimal toDecimal(String name, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "'" + value + "' is not a number.");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> toList(String name, Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Object row : list) {
        if (!(row instanceof Map)) {
          throw new InvalidInputException(name, "Each entry of the list must be a record with fields.");
        }
        rows.add((Map<String, Object>) row);
      }
      return rows;
    }
    // a Spin JSON node or a JSON string: both print as JSON
    try {
      List<Map<String, Object>> rows = JSON.readValue(value.toString(), new TypeReference<>() { });
      return rows == null ? List.of() : rows;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(name, "The list could not be read: it must be a JSON array of records.");
    }
  }
}
