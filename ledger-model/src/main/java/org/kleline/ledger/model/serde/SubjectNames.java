package org.kleline.ledger.model.serde;

import java.util.Objects;

/**
 * Confluent's TopicNameStrategy: the subject of a topic's values is {@code <topic>-value}, of its
 * keys {@code <topic>-key}. The only strategy here, so every writer of a topic shares one
 * compatibility history.
 */
public final class SubjectNames {

    /** Confluent's own bound on subject names. */
    public static final int SUBJECT_LENGTH_MAX = 255;

    private SubjectNames() {}

    /** The subject under which a topic's keys or values are registered. */
    public static String forTopic(String topic, boolean isKey) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank, was '" + topic + "'");
        }
        return requireSubject(topic + (isKey ? "-key" : "-value"));
    }

    static String requireSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > SUBJECT_LENGTH_MAX) {
            throw new IllegalArgumentException(
                    "subject must be 1.." + SUBJECT_LENGTH_MAX + " non-blank characters, was '" + subject + "'");
        }
        return subject;
    }
}
