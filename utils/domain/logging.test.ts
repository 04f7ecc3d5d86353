import { describe, expect, it } from 'vitest';
import { loggingSettings, neverLogMatcher, parseNeverLogEntry, parseNeverLogList } from './logging';

describe('never-log list', () => {
  it('stores addresses in lower case and domains as @host, refusing what is neither', () => {
    expect(parseNeverLogEntry(' Anna.Privat@GMX.example ')).toBe('anna.privat@gmx.example');
    expect(parseNeverLogEntry('mailto:boss@northwind.example')).toBe('boss@northwind.example');
    expect(parseNeverLogEntry('northwind.example')).toBe('@northwind.example');
    expect(parseNeverLogEntry('@Northwind.Example')).toBe('@northwind.example');
    expect(parseNeverLogEntry('*.northwind.example')).toBe('@northwind.example');
    expect(parseNeverLogEntry('müller-bau.example')).toBe('@müller-bau.example');
    for (const bad of ['', '   ', 'northwind', 'anna@', 'anna@@x.example', 'not an address', '@', 'a b@c.example']) {
      expect(parseNeverLogEntry(bad), bad).toBeUndefined();
    }
  });

  it('reads a pasted list, one per line or separated by commas, without repeats, naming the bad ones', () => {
    expect(parseNeverLogList('anna@gmx.example, northwind.example\nANNA@gmx.example;\n\nnonsense')).toEqual({
      entries: ['anna@gmx.example', '@northwind.example'],
      invalid: ['nonsense'],
    });
  });

  it('matches an address exactly and a domain with its subdomains, not a look-alike domain', () => {
    const never = neverLogMatcher(['anna@gmx.example', '@northwind.example']);
    expect(never('anna@gmx.example')).toBe(true);
    expect(never('ANNA@GMX.example')).toBe(true);
    expect(never('otto@gmx.example')).toBe(false);
    expect(never('kenji@northwind.example')).toBe(true);
    expect(never('kenji@eu.northwind.example')).toBe(true);
    expect(never('kenji@notnorthwind.example')).toBe(false);
    expect(never('kenji@northwind.example.evil')).toBe(false);
    expect(never(undefined)).toBe(false);
    expect(never('')).toBe(false);
    expect(neverLogMatcher([])('anyone@any.example')).toBe(false);
  });

  it('falls back to the defaults for unset or damaged settings', () => {
    expect(loggingSettings(undefined)).toEqual({ autoLog: true, keepText: false, department: 'sales', neverLog: [] });
    expect(loggingSettings({ autoLog: 'yes' })).toEqual({ autoLog: true, keepText: false, department: 'sales', neverLog: [] });
    expect(loggingSettings({ autoLog: false, department: 'support' })).toMatchObject({ autoLog: false, department: 'support' });
  });
});
