import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { LinkRescheduleDto, LinkSlotsQuery } from './dto/link.dto';
import { LinkDoneView, LinkSlotsView, LinkView } from './link.view';
import { LinksService } from './links.service';

/**
 * The short links in texts and invites: no sign-in, the code is the credential. Any code that
 * opens no live link gets the same 404; requests that open none are limited per client IP (429).
 */
@ApiTags('links')
@Public()
@Controller('v1/links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  /** The time (in the person's zone) and a neutral description; what the link can do. */
  @ApiProblems(404, 429)
  @Header('Cache-Control', 'no-store')
  @Get(':code')
  view(@Param('code') code: string, @Req() req: Request): Promise<LinkView> {
    return this.links.view(code, req.ip);
  }

  /** A session's free times to move to, in the person's zone. 422 `link-cannot` for a call. */
  @ApiProblems(404, 422, 429)
  @Header('Cache-Control', 'no-store')
  @Get(':code/slots')
  slots(
    @Param('code') code: string,
    @Query() query: LinkSlotsQuery,
    @Req() req: Request,
  ): Promise<LinkSlotsView> {
    return this.links.slots(code, req.ip, query);
  }

  /**
   * Moves the session (to one of its free slots) or the call (to any future time), with every rule
   * of a signed-in move. The link then no longer works; a text brings the new time and a new link.
   */
  @ApiProblems(404, 409, 415, 422, 429)
  @Post(':code/reschedule')
  @HttpCode(200)
  reschedule(
    @Param('code') code: string,
    @Body() dto: LinkRescheduleDto,
    @Req() req: Request,
  ): Promise<LinkDoneView> {
    return this.links.reschedule(code, req.ip, dto);
  }

  /** Cancels the session or the one call (the page confirms first). JSON or no body only (415). */
  @ApiProblems(404, 409, 415, 422, 429)
  @Post(':code/cancel')
  @HttpCode(200)
  cancel(@Param('code') code: string, @Req() req: Request): Promise<LinkDoneView> {
    return this.links.cancel(code, req.ip);
  }
}
