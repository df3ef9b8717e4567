import { describe, expect, it } from 'vitest';
import { ApiProblem, localProblem } from './problem';

describe("a form's own problem", () => {
  it('is shaped like the server 400, so each message shows at the field it names', () => {
    const problem = localProblem([{ path: 'quantity', message: 'Not a number' }], {
      title: 'Check the form',
      detail: 'Some fields need a look.',
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('urn:ase:problem:validation');
    expect(problem.fieldError('quantity')).toBe('Not a number');
    expect(problem.fieldError('reason')).toBeUndefined();
    expect(problem.body.detail).toBe('Some fields need a look.');
  });

  it('keeps a type of its own when given one', () => {
    expect(localProblem([], { type: 'about:blank', title: 't', detail: 'd' }).type).toBe('about:blank');
  });
});
