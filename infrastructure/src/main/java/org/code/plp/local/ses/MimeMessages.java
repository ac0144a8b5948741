package org.code.plp.local.ses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough MIME to read a Raw SendEmail: headers (unfolded, RFC 2047 encoded words), the first
 * text/plain and text/html parts of a (nested) multipart, base64 and quoted-printable bodies.
 */
final class MimeMessages {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");

    record Parsed(Map<String, String> headers, String text, String html) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MimeMessages() {
    }

    static Parsed parse(byte[] raw) {
        String message = new String(raw, StandardCharsets.ISO_8859_1);
        String[] textAndHtml = new String[2];
        Map<String, String> headers = part(message, textAndHtml);
        return new Parsed(headers, textAndHtml[0], textAndHtml[1]);
    }

    private static Map<String, String> part(String part, String[] textAndHtml) {
        int split = part.indexOf("\r\n\r\n");
        int skip = 4;
        if (split < 0 || (part.indexOf("\n\n") >= 0 && part.indexOf("\n\n") < split)) {
            split = part.indexOf("\n\n");
            skip = 2;
        }
        String head = split < 0 ? part : part.substring(0, split);
        String body = split < 0 ? "" : part.substring(split + skip);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.replaceAll("\r?\n[ \t]+", " ").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), decodeWords(line.substring(colon + 1).trim()));
            }
        }
        String type = headers.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            String boundary = parameter(headers.get("content-type"), "boundary");
            if (boundary != null) {
                String[] pieces = body.split("(?:\r?\n)?--" + Pattern.quote(boundary));
                for (int i = 1; i < pieces.length; i++) {
                    if (pieces[i].startsWith("--")) {
                        break;
                    }
                    part(pieces[i].replaceFirst("^[ \t]*\r?\n", ""), textAndHtml);
                }
            }
        } else if (type.startsWith("text/plain") && textAndHtml[0] == null) {
            textAndHtml[0] = decodeBody(body, headers);
        } else if (type.startsWith("text/html") && textAndHtml[1] == null) {
            textAndHtml[1] = decodeBody(body, headers);
        }
        return headers;
    }

    private static String decodeBody(String body, Map<String, String> headers) {
        Charset charset = charset(parameter(headers.get("content-type"), "charset"));
        String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT);
        byte[] bytes = switch (encoding) {
            case "base64" -> Base64.getMimeDecoder().decode(body.trim());
            case "quoted-printable" -> quotedPrintable(body, false);
            default -> body.getBytes(StandardCharsets.ISO_8859_1);
        };
        return new String(bytes, charset);
    }

    static String decodeWords(String value) {
        Matcher m = ENCODED_WORD.matcher(value.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset = charset(m.group(1));
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3), true);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static byte[] quotedPrintable(String text, boolean underscoreIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String input = text.replaceAll("=\r?\n", "");
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '=' && isHex(input, i + 1)) {
                out.write(Integer.parseInt(input.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '_' && underscoreIsSpace) {
                out.write(' ');
            } else {
                out.write((byte) c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int at) {
        return at + 1 < s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }

    private static String parameter(String header, String name) {
        if (header == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i);\\s*" + name + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)").matcher(header);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(1)) : null;
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
