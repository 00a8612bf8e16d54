// valid: the cached user only names the row; the service hands its id on, and the save writes a
// row freshly loaded from the database.
import { Body, Controller, Post } from '@nestjs/common';
import { UserService } from './user.service';

@Controller('user')
export class UserController {
  constructor(private readonly userService: UserService) {}

  @Post('touch')
  async touch(@Body() body: { id: number }) {
    const user = await this.userService.get(body.id);
    return this.userService.touch(user);
  }
}
