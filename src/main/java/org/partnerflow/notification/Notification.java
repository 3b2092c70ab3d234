package org.partnerflow.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail to send.
 *
 * @param key unique for this mail: the same key is never sent twice
 * @param template the name of the templates under {@code mail/} (subject, HTML and plain text)
 * @param recipients the addresses it goes to
 * @param model what the templates may show; user text in it is escaped by the templates
 * @param attachments files that go with it; at most one calendar invitation among them
 */
public record Notification(String key, String template, List<String> recipients, Map<String, Object> model,
    List<Attachment> attachments) {

  public Notification {
    if (key == null || key.isBlank() || key.length() > 255) {
      throw new IllegalArgumentException("A notification needs a key of 1 to 255 characters");
    }
    if (recipients == null || recipients.isEmpty()) {
      throw new IllegalArgumentException("Notification " + key + " has no recipients");
    }
    recipients = List.copyOf(recipients);
    model = Map.copyOf(model);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    if (attachments.stream().filter(Attachment::isCalendar).count() > 1) {
      throw new IllegalArgumentException("Notification " + key + " carries more than one calendar invitation");
    }
  }

  /** A mail without attachments. */
  public Notification(String key, String template, List<String> recipients, Map<String, Object> model) {
    this(key, template, recipients, model, List.of());
  }

  /** The same mail with these files attached instead. */
  public Notification withAttachments(List<Attachment> files) {
    return new Notification(key, template, recipients, model, files);
  }

  /**
   * A file that goes with the mail. A calendar (content type {@code text/calendar}) also becomes part
   * of the message body, so that mail clients offer to accept or decline it.
   *
   * @param fileName the name the recipient sees, without a path
   * @param contentType its media type without parameters, such as {@code text/html}; text goes as UTF-8
   * @param content the file's text
   */
  public record Attachment(String fileName, String contentType, String content) {

    static final String CALENDAR = "text/calendar";
    private static final Pattern METHOD = Pattern.compile("^METHOD:([A-Za-z-]+)\\r?$", Pattern.MULTILINE);

    public Attachment {
      if (fileName == null || fileName.isBlank() || !fileName.matches("[^/\\\\\\r\\n]{1,100}")) {
        throw new IllegalArgumentException("An attachment needs a file name of 1 to 100 characters, no path");
      }
      if (contentType == null || !contentType.matches("[a-z]+/[a-z0-9.+-]+")) {
        throw new IllegalArgumentException("Attachment " + fileName + " needs a media type such as text/html");
      }
      if (content == null) {
        throw new IllegalArgumentException("Attachment " + fileName + " has no content");
      }
      if (CALENDAR.equals(contentType) && !METHOD.matcher(content).find()) {
        throw new IllegalArgumentException("Calendar " + fileName + " has no METHOD (REQUEST, CANCEL, ...)");
      }
    }

    /** An iCalendar message (RFC 5546: its METHOD says request, cancel, ...) as {@code invite.ics}. */
    public static Attachment calendar(String icalendar) {
      return new Attachment("invite.ics", CALENDAR, icalendar);
    }

    boolean isCalendar() {
      return CALENDAR.equals(contentType);
    }

    /** The iTIP method of a calendar, such as {@code REQUEST}. */
    String calendarMethod() {
      Matcher matcher = METHOD.matcher(content);
      if (!isCalendar() || !matcher.find()) {
        throw new IllegalStateException(fileName + " is not a calendar");
      }
      return matcher.group(1).toUpperCase(Locale.ROOT);
    }
  }
}
