package org.code.plp.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict decoding of a base64 body: malformed base64 or bytes that are not UTF-8 are the client's 400. */
final class Utf8 {
    private Utf8() {
    }

    static String decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw Problem.field(400, "bad-request", "Bad request", "body", "The body is not valid base64.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.field(400, "bad-request", "Bad request", "body", "The body is not valid UTF-8 text.");
        }
    }
}
