/**
 * The payments service of the example: a gRPC server of
 * payments.v1.PaymentService on the generated stubs. Charge and Refund honor
 * the idempotency key (the `idempotency-key` metadata the saga sends, else the
 * request's `idempotency_key` field): a repeated key answers the first outcome
 * and charges or refunds nothing more. `refuse` makes Charge decline
 * (FAILED_PRECONDITION, which the saga does not retry).
 */
import { randomUUID } from 'node:crypto';
import { GrpcError, listen, Status, type ServerCallContext } from '@contractkit/runtime/grpc';
import { Server } from '@grpc/grpc-js';
import { registerPaymentService } from '../generated/grpc/payments/v1/payments_grpc.js';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { PaymentStatus, type ChargeResponseSchema, type RefundResponseSchema } from '../generated/grpc/payments/v1/payments_pb.js';
import { createEffectLog, takeFault, type EffectLog, type Fault } from './effects.js';

/** A running payments service. */
export interface PaymentsService {
  /** `127.0.0.1:<port>`, the target for `createPaymentServiceClient`. */
  readonly target: string;
  readonly effects: EffectLog;
  /** Declines every charge while true (the switch the demo and tests flip). */
  refuse: boolean;
  /** Fails the next `times` calls of `method` with the gRPC `code` (e.g. `Status.UNAVAILABLE`). */
  fail(method: 'charge' | 'refund', code: Status, times?: number): void;
  close(): Promise<void>;
}

function keyOf(ctx: ServerCallContext, field: string): string {
  const [fromMetadata] = ctx.metadata.get('idempotency-key');
  return String(fromMetadata ?? '') || field;
}

/** Starts the payments service on `127.0.0.1` (port 0: any free port). */
export async function startPaymentsService(options: { port?: number } = {}): Promise<PaymentsService> {
  const effects = createEffectLog();
  const faults = new Map<string, Fault>();
  const charges = new Map<string, MessageInitShape<typeof ChargeResponseSchema>>();
  const refunds = new Map<string, MessageInitShape<typeof RefundResponseSchema>>();
  const server = new Server();
  const state: PaymentsService = {
    target: '',
    effects,
    refuse: false,
    fail: (method, code, times = 1) => void faults.set(method, { code, times }),
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
  registerPaymentService(server, {
    async charge(request, ctx) {
      const fault = takeFault(faults, 'charge');
      if (fault) throw new GrpcError(fault.code, 'charge failed (injected fault)');
      const key = keyOf(ctx, request.idempotencyKey);
      if (!key) throw new GrpcError(Status.INVALID_ARGUMENT, 'an idempotency key is required');
      const first = charges.get(key);
      if (first) return first;
      if (state.refuse) throw new GrpcError(Status.FAILED_PRECONDITION, 'the card was declined');
      const response = { payment: { paymentId: randomUUID(), orderId: request.orderId, amount: request.amount, status: PaymentStatus.COMPLETED } };
      charges.set(key, response);
      effects.apply('charge', key);
      return response;
    },
    async refund(request, ctx) {
      const fault = takeFault(faults, 'refund');
      if (fault) throw new GrpcError(fault.code, 'refund failed (injected fault)');
      const key = keyOf(ctx, request.idempotencyKey);
      if (!key) throw new GrpcError(Status.INVALID_ARGUMENT, 'an idempotency key is required');
      const first = refunds.get(key);
      if (first) return first;
      const response = { refund: { refundId: randomUUID(), paymentId: request.paymentId, amount: request.amount } };
      refunds.set(key, response);
      effects.apply('refund', key);
      return response;
    },
  });
  const port = await listen(server, `127.0.0.1:${options.port ?? 0}`);
  return Object.assign(state, { target: `127.0.0.1:${port}` });
}
