import { timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { LedeError } from '../errors.js';

/**
 * Who may talk to the server, decided on what cannot be spelled two ways: the request's method and
 * its headers, never the path string (a router decodes `%61pi` and absolute-form targets that a
 * prefix test on the raw URL would miss).
 */
export interface RequestGuardOptions {
  /** Bearer token every write must carry; without one, writes are refused. */
  token?: string;
  /** The address the server is bound to; a wildcard (0.0.0.0, ::) admits this machine's addresses. */
  boundHost?: string;
  /** Further `Host` names the user allows (a reverse proxy's name, the machine's DNS name). */
  allowedHosts?: string[];
}

export interface GuardedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Methods that never change data. Every other method is a write, whatever its path. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** Throws when the request must not reach its handler: a foreign `Host`, a cross-site or unauthorised write. */
export function createRequestGuard(options: RequestGuardOptions): (request: GuardedRequest) => void {
  const hosts = allowedHostNames(options);
  return (request) => {
    checkHost(hosts, request);
    if (SAFE_METHODS.has(request.method.toUpperCase())) return;
    checkSameOrigin(request);
    requireToken(options.token, header(request, 'authorization'));
  };
}

/** Requests that change data must carry `Authorization: Bearer <token>`. */
function requireToken(token: string | undefined, authorization: string | undefined): void {
  if (!token) throw new LedeError('UNAUTHORIZED', 'writes are disabled: start lede serve with --token (or LEDE_TOKEN)');
  if (!authorization || !sameSecret(authorization, `Bearer ${token}`)) {
    throw new LedeError('UNAUTHORIZED', 'a valid bearer token is required for writes');
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** Compares in constant time, so the answer's timing does not tell how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A page on another site can make the browser send requests to a name it controls that resolves to
 * this machine (DNS rebinding); such requests carry that name as `Host`, so only names that really
 * designate this server are answered.
 */
function checkHost(hosts: Set<string>, request: GuardedRequest): void {
  const value = header(request, 'host');
  if (!value) throw new LedeError('FORBIDDEN', 'the request has no Host header');
  const name = hostName(value);
  if (!hosts.has(name)) {
    throw new LedeError(
      'FORBIDDEN',
      `Host ${JSON.stringify(value.slice(0, 100))} is not a name of this server; start lede serve with --allow-host ${name || 'NAME'} to accept it`,
    );
  }
}

/**
 * Browsers mark where a request comes from; a write started by another site's page is refused even
 * if it somehow carries the token. Clients that are not browsers send neither header.
 */
function checkSameOrigin(request: GuardedRequest): void {
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new LedeError('FORBIDDEN', `cross-site writes are refused (Sec-Fetch-Site: ${site.slice(0, 40)})`);
  }
  const origin = header(request, 'origin');
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new LedeError('FORBIDDEN', 'cross-site writes are refused (Origin is not a URL)');
  }
  if (originHost !== header(request, 'host')?.toLowerCase()) {
    throw new LedeError('FORBIDDEN', `cross-site writes are refused (Origin ${origin.slice(0, 100)})`);
  }
}

function allowedHostNames(options: RequestGuardOptions): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1', '::1']);
  const bound = options.boundHost;
  if (bound && WILDCARD_HOSTS.has(bound)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) hosts.add(address.address.toLowerCase());
    }
  } else if (bound) {
    hosts.add(hostName(bound));
  }
  for (const name of options.allowedHosts ?? []) hosts.add(hostName(name));
  return hosts;
}

/** `Example.org:7878` → `example.org`; `[::1]:7878` → `::1`; a trailing dot is the same name. */
export function hostName(host: string): string {
  const trimmed = host.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(trimmed);
  if (bracketed) return bracketed[1] as string;
  // More than one colon without brackets is a bare IPv6 address, which has no port.
  const name = (trimmed.match(/:/g) ?? []).length > 1 ? trimmed : (trimmed.split(':')[0] as string);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function header(request: GuardedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
