package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.DEFAULT_SCOPE;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.ContainerInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.AttributeLimitExceededException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;
import software.amazon.awssdk.services.ecs.model.TargetType;

/** PutAttributes, ListAttributes and DeleteAttributes through the real AWS SDK v2, on seeded container instances. */
class AttributeOperationsTest {

  static final String I1 = Arns.containerInstance(DEFAULT_SCOPE, "web", "i1");
  static final String I2 = Arns.containerInstance(DEFAULT_SCOPE, "web", "i2");

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void seed() {
    ecs.createCluster(b -> b.clusterName("web"));
    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> {
      for (String id : List.of("i1", "i2")) {
        txn.put(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey("web", id), ContainerInstance.builder()
            .containerInstanceArn(Arns.containerInstance(DEFAULT_SCOPE, "web", id)).status("ACTIVE")
            .attributes(List.of(dev.ecsemulator.core.model.Attribute.builder().name("ecs.os-type").value("linux").build()))
            .build());
      }
      return null;
    });
  }

  static Attribute attr(String name, String value, String targetId) {
    return Attribute.builder().name(name).value(value).targetId(targetId).build();
  }

  @Test
  void putListAndDeleteAttributes() {
    List<Attribute> put = ecs.putAttributes(b -> b.cluster("web").attributes(
        attr("stack", "prod", I1),
        Attribute.builder().name("zone").value("a").targetId("i2").targetType(TargetType.CONTAINER_INSTANCE).build()))
        .attributes();
    assertThat(put).hasSize(2);
    assertThat(put.get(0)).isEqualTo(attr("stack", "prod", I1));

    List<Attribute> all = ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE)).attributes();
    assertThat(all).extracting(Attribute::name).containsExactlyInAnyOrder("ecs.os-type", "ecs.os-type", "stack", "zone");
    assertThat(all).allSatisfy(a -> assertThat(a.targetType()).isEqualTo(TargetType.CONTAINER_INSTANCE));

    assertThat(ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE).attributeName("stack"))
        .attributes()).containsExactly(Attribute.builder().name("stack").value("prod").targetType(TargetType.CONTAINER_INSTANCE)
        .targetId(I1).build());
    assertThat(ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE)
        .attributeName("ecs.os-type").attributeValue("linux")).attributes()).extracting(Attribute::targetId)
        .containsExactly(I1, I2);
    assertThat(ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE)
        .attributeName("stack").attributeValue("dev")).attributes()).isEmpty();

    ecs.putAttributes(b -> b.cluster("web").attributes(attr("stack", "dev", I1)));
    assertThat(ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE).attributeName("stack"))
        .attributes()).extracting(Attribute::value).containsExactly("dev");

    List<Attribute> deleted = ecs.deleteAttributes(b -> b.cluster("web").attributes(
        Attribute.builder().name("stack").targetId(I1).build())).attributes();
    assertThat(deleted).extracting(Attribute::name).containsExactly("stack");
    assertThat(ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE).attributeName("stack"))
        .attributes()).isEmpty();
  }

  @Test
  void listAttributesPaginates() {
    ecs.putAttributes(b -> b.cluster("web").attributes(attr("a", "1", I1), attr("b", "2", I1), attr("c", "3", I2)));

    List<Attribute> walked = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListAttributesResponse page = ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE)
          .maxResults(2).nextToken(next));
      assertThat(page.attributes().size()).isLessThanOrEqualTo(2);
      walked.addAll(page.attributes());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(walked).hasSize(5);
    assertThat(ecs.listAttributesPaginator(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE).maxResults(1))
        .attributes()).containsExactlyElementsOf(walked);
  }

  @Test
  void targetTypeIsRequiredByListAttributes() {
    var response = emulator.post("ListAttributes", "{\"cluster\":\"web\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"__type\":\"InvalidParameterException\"", "targetType");
  }

  @Test
  void atMostTenCustomAttributesPerResource() {
    List<Attribute> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(attr("custom" + i, "v", I1));
    }
    ecs.putAttributes(b -> b.cluster("web").attributes(ten));

    assertAwsError(() -> ecs.putAttributes(b -> b.cluster("web").attributes(attr("one-more", "v", I1))),
        AttributeLimitExceededException.class, "You can apply up to 10 custom attributes for each resource.");
    ecs.putAttributes(b -> b.cluster("web").attributes(attr("custom0", "changed", I1), attr("ecs.extra", "v", I1)));
  }

  @Test
  void unknownTargetsClustersAndBadRequestsAreRefused() {
    assertAwsError(() -> ecs.putAttributes(b -> b.cluster("web").attributes(attr("a", "1", Arns.containerInstance(DEFAULT_SCOPE, "web", "nope")))),
        TargetNotFoundException.class, "Could not find " + Arns.containerInstance(DEFAULT_SCOPE, "web", "nope"));
    assertAwsError(() -> ecs.deleteAttributes(b -> b.cluster("web").attributes(
            Attribute.builder().name("a").targetId("nope").targetType(TargetType.CONTAINER_INSTANCE).build())),
        TargetNotFoundException.class, "Could not find nope");
    assertAwsError(() -> ecs.putAttributes(b -> b.cluster("web").attributes(attr("a", "1", "i1"))),
        InvalidParameterException.class, "The targetType is required when targetId is not a full ARN.");
    assertAwsError(() -> ecs.putAttributes(b -> b.cluster("nope").attributes(attr("a", "1", I1))),
        ClusterNotFoundException.class, "Cluster not found.");
    assertAwsError(() -> ecs.listAttributes(b -> b.cluster("nope").targetType(TargetType.CONTAINER_INSTANCE)),
        ClusterNotFoundException.class, "Cluster not found.");
    assertAwsError(() -> ecs.listAttributes(b -> b.cluster("web").targetType(TargetType.CONTAINER_INSTANCE).attributeValue("x")),
        InvalidParameterException.class, "You must also specify an attribute name to filter by attribute value.");
    assertAwsError(() -> ecs.putAttributes(b -> b.cluster("web").attributes(attr("bad name!", "1", I1))),
        InvalidParameterException.class, "Invalid attribute name: bad name!.");
    List<Attribute> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(attr("x" + i, "v", I1));
    }
    assertAwsError(() -> ecs.putAttributes(b -> b.cluster("web").attributes(eleven)),
        InvalidParameterException.class, "You can specify up to 10 attributes in a single call.");
  }
}
