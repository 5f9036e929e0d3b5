package dev.ecsemulator.core.taskdef;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;

/** RegisterTaskDefinition requests written as compact JSON, single quotes standing for double quotes. */
final class Requests {

  private Requests() {}

  static RegisterTaskDefinitionRequest request(String singleQuotedJson) {
    try {
      return EcsJson.mapper().readValue(singleQuotedJson.replace('\'', '"'), RegisterTaskDefinitionRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad test JSON: " + singleQuotedJson, e);
    }
  }

  /** A bridge-mode family "web" with the given containers, e.g. {@code "{'name':'a','image':'i','memory':64}"}. */
  static RegisterTaskDefinitionRequest withContainers(String containersJson) {
    return request("{'family':'web','containerDefinitions':[" + containersJson + "]}");
  }

  /** A family "web" with task-level members (without braces) and containers. */
  static RegisterTaskDefinitionRequest task(String taskMembers, String containersJson) {
    return request("{'family':'web'," + taskMembers + ",'containerDefinitions':[" + containersJson + "]}");
  }
}
