// The controller loads the user through the service (a read-through of the cache), changes the
// password and saves the whole entity back through two hand-offs: a stale copy's other columns
// (a nickname changed since) are committed over the newer row.
import { Body, Controller, Post } from '@nestjs/common';
import { UserService } from './user.service';

@Controller('user')
export class UserController {
  constructor(private readonly userService: UserService) {}

  @Post('password')
  async changePassword(@Body() body: { id: number; password: string }) {
    const user = await this.userService.get(body.id);
    user.password = body.password;
    return this.userService.save(user); // expect: write-from-cache
  }
}
