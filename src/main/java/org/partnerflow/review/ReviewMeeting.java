package org.partnerflow.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A review meeting as a calendar event. The uid stays the same for every version of the event; the
 * sequence goes up each time it is rescheduled, so calendars update it rather than add another.
 */
public record ReviewMeeting(String uid, int sequence, Instant start, Duration duration, String summary,
    String description, String location, String organiserName, String organiserEmail, List<String> attendees) {
}
