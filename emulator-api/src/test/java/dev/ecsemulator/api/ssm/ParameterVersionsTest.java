package dev.ecsemulator.api.ssm;

import static dev.ecsemulator.api.ssm.SsmAssertions.assertSsmError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMaxVersionLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionLabelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.TooManyTagsErrorException;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionResponse;

/** Versions, history, labels and tags of parameters, through the SDK. */
class ParameterVersionsTest {

  @RegisterExtension
  static final SsmExtension SSM = new SsmExtension();
  static final SsmClient ssm = SSM.client();

  static void versions(String name, int count) {
    ssm.putParameter(b -> b.name(name).value("v1").type(ParameterType.STRING));
    for (int i = 2; i <= count; i++) {
      String value = "v" + i;
      ssm.putParameter(b -> b.name(name).value(value).overwrite(true));
    }
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void historyAnswersEveryVersionOldestFirstWithItsLabels() {
    ssm.putParameter(b -> b.name("/cfg/secret").value("first").type(ParameterType.SECURE_STRING)
        .description("one"));
    ssm.putParameter(b -> b.name("/cfg/secret").value("second").overwrite(true).description("two"));
    ssm.labelParameterVersion(b -> b.name("/cfg/secret").labels("Current"));

    List<ParameterHistory> history = ssm.getParameterHistory(b -> b.name("/cfg/secret").withDecryption(true))
        .parameters();

    assertThat(history).extracting(ParameterHistory::version).containsExactly(1L, 2L);
    assertThat(history).extracting(ParameterHistory::value).containsExactly("first", "second");
    assertThat(history).extracting(ParameterHistory::description).containsExactly("one", "two");
    ParameterHistory first = history.get(0);
    assertThat(first.hasLabels()).as("Labels: [] is sent").isTrue();
    assertThat(first.labels()).isEmpty();
    assertThat(history.get(1).labels()).containsExactly("Current");
    assertThat(first.name()).isEqualTo("/cfg/secret");
    assertThat(first.type()).isEqualTo(ParameterType.SECURE_STRING);
    assertThat(first.keyId()).isEqualTo("alias/aws/ssm");
    assertThat(first.tier()).isEqualTo(ParameterTier.STANDARD);
    assertThat(first.lastModifiedUser()).isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(first.hasPolicies()).isTrue();
    assertThat(ssm.getParameterHistory(b -> b.name("/cfg/secret")).parameters().get(0).value())
        .startsWith("AQICAH").isNotEqualTo("first");
    assertSsmError(() -> ssm.getParameterHistory(b -> b.name("/cfg/none")), ParameterNotFoundException.class,
        "ParameterNotFound", "");
  }

  @Test
  void historyPages() {
    versions("/paged", 7);

    GetParameterHistoryResponse first = ssm.getParameterHistory(b -> b.name("/paged").maxResults(5));
    GetParameterHistoryResponse rest = ssm.getParameterHistory(b -> b.name("/paged").maxResults(5)
        .nextToken(first.nextToken()));

    assertThat(first.parameters()).extracting(ParameterHistory::version).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(rest.parameters()).extracting(ParameterHistory::version).containsExactly(6L, 7L);
    assertThat(rest.nextToken()).isNull();
  }

  @Test
  void theHundredNewestVersionsAreKept() {
    versions("/busy", 101);

    List<ParameterHistory> history = ssm.getParameterHistoryPaginator(b -> b.name("/busy")).stream()
        .flatMap(page -> page.parameters().stream()).toList();
    assertThat(history).hasSize(100);
    assertThat(history.get(0).version()).isEqualTo(2L);
    assertThat(history.get(99).version()).isEqualTo(101L);
    assertSsmError(() -> ssm.getParameter(b -> b.name("/busy:1")), ParameterVersionNotFoundException.class,
        "ParameterVersionNotFound",
        "Systems Manager could not find version 1 of /busy. Verify the version and try again.");
  }

  @Test
  void aLabelOnTheOldestOfAHundredVersionsRefusesTheNext() {
    versions("/pinned", 100);
    ssm.labelParameterVersion(b -> b.name("/pinned").parameterVersion(1L).labels("golden"));

    assertSsmError(() -> ssm.putParameter(b -> b.name("/pinned").value("v101").overwrite(true)),
        ParameterMaxVersionLimitExceededException.class, "ParameterMaxVersionLimitExceeded",
        "You attempted to create a new version of /pinned by calling the PutParameter API with the overwrite flag."
            + " Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the"
            + " label to another version of the parameter, and try again.");
    assertThat(ssm.getParameter(b -> b.name("/pinned")).parameter().version()).isEqualTo(100L);

    ssm.labelParameterVersion(b -> b.name("/pinned").labels("golden"));
    assertThat(ssm.putParameter(b -> b.name("/pinned").value("v101").overwrite(true)).version()).isEqualTo(101L);
  }

  @Test
  void aLabelMovesFromTheVersionThatHadItAndInvalidLabelsAreAnswered() {
    versions("/moving", 3);
    ssm.labelParameterVersion(b -> b.name("/moving").parameterVersion(1L).labels("Production"));

    LabelParameterVersionResponse moved = ssm.labelParameterVersion(b -> b.name("/moving")
        .labels("Production", "1st", "awsLabel", "ssmLabel", "bad label", "release-2.0_rc"));

    assertThat(moved.parameterVersion()).isEqualTo(3L);
    assertThat(moved.invalidLabels()).containsExactly("1st", "awsLabel", "ssmLabel", "bad label");
    List<ParameterHistory> history = ssm.getParameterHistory(b -> b.name("/moving")).parameters();
    assertThat(history.get(0).labels()).isEmpty();
    assertThat(history.get(2).labels()).containsExactly("Production", "release-2.0_rc");
    assertThat(ssm.labelParameterVersion(b -> b.name("/moving").labels("ok")).invalidLabels())
        .as("InvalidLabels: [] is sent").isEmpty();
  }

  @Test
  void aVersionHasAtMostTenLabels() {
    versions("/labelled", 2);
    ssm.labelParameterVersion(b -> b.name("/labelled").parameterVersion(1L)
        .labels("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"));

    assertSsmError(() -> ssm.labelParameterVersion(b -> b.name("/labelled").parameterVersion(1L).labels("l11")),
        ParameterVersionLabelLimitExceededException.class, "ParameterVersionLabelLimitExceeded",
        "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.");
    assertSsmError(() -> ssm.labelParameterVersion(b -> b.name("/labelled").parameterVersion(5L).labels("x")),
        ParameterVersionNotFoundException.class, "ParameterVersionNotFound",
        "Systems Manager could not find version 5 of /labelled. Verify the version and try again.");
  }

  @Test
  void unlabelRemovesTheLabelsTheVersionHas() {
    versions("/unlabel", 2);
    ssm.labelParameterVersion(b -> b.name("/unlabel").parameterVersion(2L).labels("a", "b"));

    UnlabelParameterVersionResponse response = ssm.unlabelParameterVersion(b -> b.name("/unlabel")
        .parameterVersion(2L).labels("a", "c"));

    assertThat(response.removedLabels()).containsExactly("a");
    assertThat(response.invalidLabels()).containsExactly("c");
    assertThat(ssm.getParameterHistory(b -> b.name("/unlabel")).parameters().get(1).labels()).containsExactly("b");
  }

  @Test
  void tagsAreAddedReplacedListedAndRemoved() {
    ssm.putParameter(b -> b.name("/tags/p").value("v").type(ParameterType.STRING).tags(tag("env", "dev")));

    ssm.addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/tags/p")
        .tags(tag("env", "prod"), tag("team", "payments")));
    assertThat(ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
        .resourceId("/tags/p")).tagList()).containsExactly(tag("env", "prod"), tag("team", "payments"));

    ssm.removeTagsFromResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/tags/p")
        .tagKeys("env", "absent"));
    assertThat(ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
        .resourceId("arn:aws:ssm:us-east-1:000000000000:parameter/tags/p")).tagList())
        .containsExactly(tag("team", "payments"));
  }

  @Test
  void taggingAResourceThatIsNoneOrOverFiftyTagsIsRefused() {
    ssm.putParameter(b -> b.name("/tags/full").value("v").type(ParameterType.STRING));
    Tag[] fifty = new Tag[50];
    for (int i = 0; i < 50; i++) {
      fifty[i] = tag("k" + i, "v");
    }
    ssm.addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/tags/full")
        .tags(fifty));

    assertSsmError(() -> ssm.addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
        .resourceId("/tags/full").tags(tag("one", "more"))), TooManyTagsErrorException.class, "TooManyTagsError",
        "A resource can have a maximum of 50 tags.");
    assertSsmError(() -> ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
        .resourceId("/tags/none")), InvalidResourceIdException.class, "InvalidResourceId",
        "The resource ID isn't valid. Verify that you entered the correct ID and try again.");
    assertSsmError(() -> ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.DOCUMENT)
        .resourceId("/tags/full")), InvalidResourceIdException.class, "InvalidResourceId",
        "The resource ID isn't valid. Verify that you entered the correct ID and try again.");
  }

  @Test
  void deletingAParameterDeletesItsTags() {
    ssm.putParameter(b -> b.name("/tags/gone").value("v").type(ParameterType.STRING).tags(tag("env", "dev")));
    ssm.deleteParameter(b -> b.name("/tags/gone"));
    ssm.putParameter(b -> b.name("/tags/gone").value("v").type(ParameterType.STRING));

    assertThat(ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
        .resourceId("/tags/gone")).tagList()).isEmpty();
  }
}
