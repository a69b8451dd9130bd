import type { Actor } from './case.ts';
import type { Caller, Role } from './caller.ts';

/** The platform itself, as the actor of the workflow steps (forwarding, unified return, the sweeper). */
export const SYSTEM: Actor = { sub: 'system', name: '陕西政务服务网', role: 'system' };

/** A caller as recorded in the audit trail, acting in one role. */
export function actorOf(caller: Caller, role: Role = caller.roles[0]): Actor {
  return { sub: caller.sub, name: caller.name, role, ...(caller.dept ? { dept: caller.dept } : {}) };
}
