import { describe, expect, it } from 'vitest';
import { ROLES, roleCan } from './roles';

describe('roles', () => {
  it('lets facilitators and members write, facilitators moderate, and everyone read', () => {
    expect(ROLES.filter(roleCan.write)).toEqual(['facilitator', 'member']);
    expect(ROLES.filter(roleCan.moderate)).toEqual(['facilitator']);
    expect(ROLES.filter(roleCan.read)).toEqual(['facilitator', 'member', 'reader']);
  });

  it('lets everyone reply, facilitators and readers answer, facilitators and members support', () => {
    expect(ROLES.filter(roleCan.reply)).toEqual(['facilitator', 'member', 'reader']);
    expect(ROLES.filter(roleCan.answer)).toEqual(['facilitator', 'reader']);
    expect(ROLES.filter(roleCan.support)).toEqual(['facilitator', 'member']);
  });
});
