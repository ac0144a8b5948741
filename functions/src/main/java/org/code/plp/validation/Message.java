package org.code.plp.validation;

import java.util.Locale;

/**
 * Every message the field rules answer with, written once: the validators use them and
 * web/js/rules.json carries them (by {@link #key()}) to the pages, which fill in the same
 * {@code {placeholders}}.
 */
public enum Message {
    REQUIRED("Required."),
    UNKNOWN_FIELD("Unknown field."),
    MUST_BE_OBJECT("Must be an object."),
    MUST_BE_TEXT("Must be text."),
    TOO_LONG("At most {max} characters."),
    SINGLE_LINE("Must be a single line."),
    INVISIBLE("Contains an invisible or control character ({char})."),
    CONTROL("Contains a control character ({char})."),
    NOT_TEXT("Contains a character that is not text ({char})."),
    SINGLE_EMAIL("Must be a single email address."),
    EMAIL("Must be an email address like name@example.org."),
    PHONE("Must be a US phone number with 10 digits."),
    ZIP("Must be a 5-digit ZIP code or ZIP+4."),
    STATE("Must be a US state or DC, as a two-letter code."),
    URL("Must be a web address starting with https:// or http://."),
    SLUG("Must be lowercase letters, digits and dashes."),
    ONE_OF("Must be one of {choices}."),
    MUST_BE_LIST("Must be a list."),
    LISTED_TWICE("Listed twice."),
    AT_LEAST("Choose at least {min}."),
    MUST_BE_BOOLEAN("Must be true or false.");

    private final String template;

    Message(String template) {
        this.template = template;
    }

    /** The template, with {@code {name}} placeholders. */
    public String template() {
        return template;
    }

    /** The name in rules.json: TOO_LONG is {@code tooLong}. */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            key.append(key.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return key.toString();
    }

    /** The message, each {@code name, value} pair filled in. */
    public String with(Object... nameThenValue) {
        String text = template;
        for (int i = 0; i < nameThenValue.length; i += 2) {
            text = text.replace("{" + nameThenValue[i] + "}", String.valueOf(nameThenValue[i + 1]));
        }
        return text;
    }

    @Override
    public String toString() {
        return template;
    }
}
