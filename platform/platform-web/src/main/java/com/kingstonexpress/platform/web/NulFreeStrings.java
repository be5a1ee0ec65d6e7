package com.kingstonexpress.platform.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * No text field of a request body may hold a NUL character: PostgreSQL cannot store it, so it would fail deep in
 * a transaction as a 500. Refused while reading the body instead, as a 400 naming the field.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("kx-nul-free-strings").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw ctxt.weirdStringException(value.replace('\u0000', '?'), String.class, "contains a NUL character");
                }
                return value;
            }
        }));
    }
}
