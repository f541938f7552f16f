import 'reflect-metadata';
import { webhookMiddleware } from '@hooklatch/express';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { adapter, handler, store } from './setup';

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Nest runs on Express: the Express middleware verifies req.rawBody and answers itself.
    consumer
      .apply(webhookMiddleware({ adapter, store, handler }))
      .forRoutes({ path: 'webhooks/stripe', method: RequestMethod.POST });
  }
}

export async function createApp() {
  // rawBody: true keeps the bytes as req.rawBody next to Nest's parsed req.body.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true });
  // Nest's JSON parser stops at 100 KB; deliveries run up to hooklatch's 1 MiB maxBodyBytes.
  app.useBodyParser('json', { limit: '1mb' });
  return app;
}
