package org.partnerflow.system;

/**
 * Input a person gave that we refuse, naming the field and saying what is wrong in words the person
 * understands. At the engine boundary it becomes a form error (HTTP 400) and nothing is changed.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
