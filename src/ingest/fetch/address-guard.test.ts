import { describe, expect, it } from 'vitest';
import { classifyAddress, createGuardedLookup, type LookupFunction, refusalFor } from './address-guard.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'CGNAT (shared address space)'],
    ['100.127.255.255', 'CGNAT (shared address space)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.1.1', 'link-local'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
  ])('classes %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '1.1.1.1'])(
    'lets the public address %s through',
    (address) => {
      expect(classifyAddress(address)).toBeUndefined();
    },
  );
});

describe('refusalFor', () => {
  it('names the address and the flag that allows it', () => {
    expect(refusalFor('127.0.0.1', false)).toBe(
      'refused: 127.0.0.1 is a loopback address (use --allow-private to allow)',
    );
    expect(refusalFor('fd00::1', false)).toBe(
      'refused: fd00::1 is a unique-local address (use --allow-private to allow)',
    );
    expect(refusalFor('127.0.0.1', true)).toBeUndefined();
  });
});

describe('createGuardedLookup', () => {
  const answer =
    (addresses: string[]): LookupFunction =>
    (_host, _options, callback) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );

  it('refuses a name whose every address is private', async () => {
    const lookup = createGuardedLookup(false, answer(['10.0.0.5']));
    const error = await new Promise((resolve) => lookup('intranet.example', {}, (err) => resolve(err)));
    expect(String(error)).toContain('refused: 10.0.0.5 is a private address');
  });

  it('connects only to the public addresses of a name that mixes both', async () => {
    const lookup = createGuardedLookup(false, answer(['127.0.0.1', '93.184.216.34']));
    const all = await new Promise((resolve) =>
      lookup('mixed.example', { all: true }, (_err, addresses) => resolve(addresses)),
    );
    expect(all).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const one = await new Promise((resolve) => lookup('mixed.example', {}, (_err, address) => resolve(address)));
    expect(one).toBe('93.184.216.34');
  });
});
