// What the read and write use cases learn about the request they work for: who asks (for fair
// queueing) and until when (the request's deadline).
import type { FastifyRequest } from 'fastify';
import type { ReadContext } from '../app/reads.js';
import { deadlineOf } from './deadlines.js';

export function contextOf(req: FastifyRequest): ReadContext {
  return { client: req.ip, signal: deadlineOf(req) };
}
