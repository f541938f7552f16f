import 'reflect-metadata';
import { webhookMiddleware } from '@hooklatch/express';
import { Controller, Module, Post, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { adapter, handler, store } from './setup';

// Nest runs on Express: the Express middleware answers the request itself.
const stripeWebhook = webhookMiddleware({ adapter, store, handler });

@Controller('webhooks')
export class WebhooksController {
  @Post('stripe')
  async stripe(@Req() req: Request, @Res() res: Response): Promise<void> {
    await stripeWebhook(req, res); // verifies req.rawBody, the exact signed bytes
  }
}

@Module({ controllers: [WebhooksController] })
export class AppModule {}

export function createApp() {
  // rawBody: true keeps the bytes as req.rawBody next to Nest's parsed req.body.
  return NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true });
}
