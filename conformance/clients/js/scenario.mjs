// The conformance scenario through the AWS SDK for JavaScript v3 (see conformance/README.md). Endpoint:
// SCENARIO_ENDPOINT if set, else what the SDK reads from the environment (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECS).
// Exits non-zero at the first difference from ECS's documented behaviour.
import {
  ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, DescribeTaskDefinitionCommand,
  CreateServiceCommand, DescribeServicesCommand, UpdateServiceCommand, DescribeTasksCommand, TagResourceCommand,
  ListTagsForResourceCommand, UntagResourceCommand, DeleteServiceCommand, waitUntilServicesStable,
  paginateListTaskDefinitions, paginateListTasks, ClusterNotFoundException, ServiceNotFoundException, ClientException,
} from "@aws-sdk/client-ecs";

const ID = process.env.SCENARIO_ID;
const CLUSTER = `conf-${ID}`, FAMILY = `web-${ID}`;
const ecs = new ECSClient(process.env.SCENARIO_ENDPOINT ? { endpoint: process.env.SCENARIO_ENDPOINT } : {});
const FAST = { client: ecs, maxWaitTime: 120, minDelay: 1, maxDelay: 1 };

function check(ok, what) {
  if (!ok) {
    console.error(`FAILED: ${what}`);
    process.exit(1);
  }
  console.log(`ok ${what}`);
}

async function expectError(type, command) {
  try {
    await ecs.send(command);
  } catch (e) {
    check(e instanceof type && e.name === type.name, `${command.constructor.name} raises ${type.name} (got ${e.name})`);
    return;
  }
  check(false, `${command.constructor.name} raises ${type.name}`);
}

const container = (image) => ({
  name: "app", image, memory: 64, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }],
  healthCheck: { command: ["CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"], interval: 5, timeout: 2,
    retries: 2 },
});

const { cluster } = await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER, tags: [{ key: "team", value: "blue" }] }));
check(cluster.clusterName === CLUSTER && cluster.status === "ACTIVE", "CreateCluster");

const registered = await ecs.send(new RegisterTaskDefinitionCommand({ family: FAMILY,
  containerDefinitions: [container("ecs-emulator/sample-web:1")] }));
check(registered.taskDefinition.revision === 1, "RegisterTaskDefinition: revision 1");
const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: FAMILY }));
const app = taskDefinition.containerDefinitions[0];
check(taskDefinition.family === FAMILY && taskDefinition.status === "ACTIVE" && taskDefinition.revision === 1
    && app.image === "ecs-emulator/sample-web:1" && app.memory === 64
    && JSON.stringify(app.portMappings[0]) === JSON.stringify({ containerPort: 8080, hostPort: 0, protocol: "tcp" })
    && app.healthCheck.interval === 5 && app.healthCheck.retries === 2,
  "DescribeTaskDefinition: the registration round-trips");

await ecs.send(new CreateServiceCommand({ cluster: CLUSTER, serviceName: "svc", taskDefinition: FAMILY, desiredCount: 2,
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } }));
let waited = await waitUntilServicesStable(FAST, { cluster: CLUSTER, services: ["svc"] });
check(waited.state === "SUCCESS", "waitUntilServicesStable after CreateService");
let service = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["svc"] }))).services[0];
check(service.runningCount === 2 && service.deployments.length === 1, "2 running, 1 deployment");

await ecs.send(new RegisterTaskDefinitionCommand({ family: FAMILY, containerDefinitions: [container("ecs-emulator/sample-web:2")] }));
await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "svc", taskDefinition: `${FAMILY}:2` }));
waited = await waitUntilServicesStable(FAST, { cluster: CLUSTER, services: ["svc"] });
service = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["svc"] }))).services[0];
check(waited.state === "SUCCESS" && service.taskDefinition.endsWith(`/${FAMILY}:2`) && service.runningCount === 2
    && service.deployments.length === 1, "rolling update to revision 2 is stable");

const definitions = [];
for await (const page of paginateListTaskDefinitions({ client: ecs, pageSize: 1 }, { familyPrefix: FAMILY })) {
  definitions.push(...page.taskDefinitionArns);
}
check(JSON.stringify(definitions.map((a) => a.split("/")[1])) === JSON.stringify([`${FAMILY}:1`, `${FAMILY}:2`]),
  "paginateListTaskDefinitions");
const tasks = [];
for await (const page of paginateListTasks({ client: ecs, pageSize: 1 }, { cluster: CLUSTER, serviceName: "svc" })) {
  tasks.push(...page.taskArns);
}
check(tasks.length === 2, "paginateListTasks: 2 tasks");
const described = (await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks }))).tasks;
check(described.every((t) => t.taskDefinitionArn.endsWith(":2") && t.containers[0].image === "ecs-emulator/sample-web:2"),
  "the service's tasks run revision 2");

await expectError(ClusterNotFoundException, new DescribeServicesCommand({ cluster: `missing-${ID}`, services: ["svc"] }));
await expectError(ServiceNotFoundException, new UpdateServiceCommand({ cluster: CLUSTER, service: "missing", desiredCount: 1 }));
await expectError(ClientException, new DescribeTaskDefinitionCommand({ taskDefinition: `missing-${ID}` }));

const arn = cluster.clusterArn;
await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: "env", value: "test" }] }));
let tags = (await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags;
check(JSON.stringify(Object.fromEntries(tags.map((t) => [t.key, t.value])))
    === JSON.stringify({ team: "blue", env: "test" }), "TagResource, ListTagsForResource");
await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ["team"] }));
tags = (await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags;
check(JSON.stringify(tags) === JSON.stringify([{ key: "env", value: "test" }]), "UntagResource");

const deleted = (await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "svc", force: true }))).service;
check(deleted.status === "DRAINING" && deleted.desiredCount === 0, "DeleteService force: DRAINING");
console.log("scenario passed");
