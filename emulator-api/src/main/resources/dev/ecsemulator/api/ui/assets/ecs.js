// Calls to the emulator's AWS APIs from the page, as an SDK makes them: POST / with X-Amz-Target and an
// Authorization header whose credential scope names the account and region (the emulator checks no signature; a
// 12-digit access key is taken as the account). Same origin, so the emulator's Host/Origin gate lets them through.

const TARGETS = {
  ecs: 'AmazonEC2ContainerServiceV20141113',
  logs: 'Logs_20140328',
};

/** An error the API answered with: its __type and message. */
export class ApiError extends Error {
  constructor(type, message, status) {
    super(`${type}: ${message}`);
    this.type = type;
    this.status = status;
  }
}

/**
 * Calls `operation` of `service` ('ecs' or 'logs') in `scope` ({accountId, region}); a region of its own may be
 * given (awslogs-region). Resolves to the answer's JSON; rejects with an ApiError.
 */
export async function call(service, operation, body, scope, region = scope.region) {
  const credential = `${scope.accountId}/20000101/${region}/${service}/aws4_request`;
  const response = await fetch('/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${TARGETS[service]}.${operation}`,
      'Authorization': `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const type = String(json.__type || 'Error').replace(/^.*#/, '');
    throw new ApiError(type, json.message || json.Message || `HTTP ${response.status}`, response.status);
  }
  return json;
}

/** A teaching action on the sample app of a task: 'unhealthy', 'healthy' or 'burn'. */
export async function sampleApp(scope, cluster, task, action) {
  const response = await fetch('api/sample-app', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({accountId: scope.accountId, region: scope.region, cluster, task, action}),
  });
  const json = await response.json();
  if (!response.ok) throw new ApiError(json.__type || 'Error', json.message || `HTTP ${response.status}`, response.status);
  return json;
}

/** What Docker says of a container (health check probes, OOM), or null when it is gone. */
export async function containerDetails(runtimeId) {
  const response = await fetch('api/containers/' + encodeURIComponent(runtimeId), {headers: {Accept: 'application/json'}});
  if (response.status === 404) return null;
  const json = await response.json();
  if (!response.ok) throw new ApiError(json.__type || 'Error', json.message || `HTTP ${response.status}`, response.status);
  return json;
}
