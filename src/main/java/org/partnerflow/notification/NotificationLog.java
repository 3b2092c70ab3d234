package org.partnerflow.notification;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationLog extends JpaRepository<NotificationLogEntry, String> {
}
