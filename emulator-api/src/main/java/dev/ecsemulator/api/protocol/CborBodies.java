package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.ecsemulator.core.error.SerializationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Smithy RPC v2 CBOR bodies, to and from the JSON tree the rest of the protocol layer works on (AWS JSON's: epoch
 * seconds for timestamps, base64 text for blobs). Reading needs no model: a timestamp's tag 1 only marks a number,
 * and a byte string becomes base64 text. Writing follows the output shape, so that timestamps are tagged (tag 1,
 * epoch seconds) and blobs are byte strings, as the protocol requires. Maps and arrays are written with their
 * length. Thread-safe.
 */
final class CborBodies {

  private static final int EPOCH_TAG = 1;

  private final CBORMapper cbor = new CBORMapper();
  private final CBORFactory factory = cbor.getFactory();
  private final ServiceModel model;

  CborBodies(ServiceModel model) {
    this.model = model;
  }

  /**
   * The request body as a JSON tree: empty is {@code {}}; anything but one CBOR map is a
   * {@code SerializationException}.
   */
  ObjectNode read(byte[] bytes) {
    if (bytes.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode node;
    try {
      node = cbor.readTree(bytes);
    } catch (IOException e) {
      throw new SerializationException("The request body is not valid CBOR: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw new SerializationException("The request body must be a CBOR map.");
    }
    return (ObjectNode) blobsAsText(node);
  }

  /** Byte strings as base64 text, in place where they are members or elements. */
  private static JsonNode blobsAsText(JsonNode node) {
    if (node.isBinary()) {
      try {
        return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(node.binaryValue()));
      } catch (IOException impossible) {
        throw new UncheckedIOException(impossible);
      }
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        field.setValue(blobsAsText(field.getValue()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, blobsAsText(node.get(i)));
      }
    }
    return node;
  }

  /** {@code value} written as the shape {@code shapeName} says; null shape: as its JSON types say. */
  byte[] write(JsonNode value, String shapeName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator generator = factory.createGenerator(out)) {
      write(generator, value, shapeName == null ? null : model.shape(shapeName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void write(CBORGenerator out, JsonNode value, JsonNode shape) throws IOException {
    String type = shape == null ? "" : shape.path("type").asText();
    if (value.isObject()) {
      out.writeStartObject(value, nonNullFields(value));
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isNull()) {
          out.writeFieldName(field.getKey());
          write(out, field.getValue(), memberShape(shape, type, field.getKey()));
        }
      }
      out.writeEndObject();
    } else if (value.isArray()) {
      out.writeStartArray(value, value.size());
      JsonNode element = type.equals("list") ? model.shape(shape.path("member").path("shape").asText()) : null;
      for (JsonNode item : value) {
        write(out, item, element);
      }
      out.writeEndArray();
    } else if (type.equals("timestamp") && value.isNumber()) {
      out.writeTag(EPOCH_TAG);
      writeNumber(out, value);
    } else if (type.equals("blob") && value.isTextual()) {
      out.writeBinary(Base64.getDecoder().decode(value.asText()));
    } else if (value.isNumber()) {
      writeNumber(out, value);
    } else if (value.isBoolean()) {
      out.writeBoolean(value.booleanValue());
    } else if (value.isNull()) {
      out.writeNull();
    } else {
      out.writeString(value.asText());
    }
  }

  /** The shape of a structure's member or a map's value; null when the model does not say. */
  private JsonNode memberShape(JsonNode shape, String type, String name) {
    if (type.equals("structure")) {
      JsonNode member = shape.path("members").get(name);
      return member == null ? null : model.shape(member.path("shape").asText());
    }
    return type.equals("map") ? model.shape(shape.path("value").path("shape").asText()) : null;
  }

  private static int nonNullFields(JsonNode object) {
    int count = 0;
    for (JsonNode field : object) {
      count += field.isNull() ? 0 : 1;
    }
    return count;
  }

  /** Integers as CBOR integers; others as doubles (a whole double may be sent as an integer, which loses nothing). */
  private static void writeNumber(CBORGenerator out, JsonNode value) throws IOException {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      out.writeNumber(value.longValue());
    } else if (value.isBigDecimal() && value.decimalValue().stripTrailingZeros().scale() <= 0
        && value.canConvertToLong()) {
      out.writeNumber(value.longValue());
    } else {
      out.writeNumber(value.doubleValue());
    }
  }
}
